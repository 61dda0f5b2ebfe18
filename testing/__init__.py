"""Helpers the tests share: the default inputs, sample plans, PDF read-backs."""
