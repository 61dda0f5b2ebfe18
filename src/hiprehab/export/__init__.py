"""The plan in machine-readable forms: JSON (format hiprehab-plan/1)."""

from hiprehab.export.plan import plan_to_dict, plan_to_json

__all__ = ["plan_to_dict", "plan_to_json"]
