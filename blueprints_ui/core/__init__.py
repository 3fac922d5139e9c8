"""What every app shares: the stored-object base, the layout, health and login."""
