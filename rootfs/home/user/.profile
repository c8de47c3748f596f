# Settings for your login shells.
