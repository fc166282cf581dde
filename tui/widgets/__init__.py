"""The app's widgets: the library, chat and inspector panes and their parts."""
