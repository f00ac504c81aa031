"""The bottom floor: small helpers that several apps share. No models; imports nothing of ours.

See docs/architecture.md ("Shared helpers") for what each module holds.
"""
