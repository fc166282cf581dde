"""The app's screens: the main layout, dialogs, help."""
