"""The app's modal dialogs, one module per dialog.

They sit below the widgets and screens (which import them, downwards) and above the pure
helpers: a dialog knows nothing of the panes; what it returns goes to the callback of whoever
pushed it. Each says what its keys do on its last line.
"""
