"""Translation workflows: status report, readers' translation requests, validated PO upload."""
