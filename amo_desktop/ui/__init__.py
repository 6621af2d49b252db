"""The Qt front end: widgets that lay out and wire; every database call goes through services."""
