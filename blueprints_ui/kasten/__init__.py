"""Kasten's BlueprintBindings and Policies, with the action hooks a policy declares."""
