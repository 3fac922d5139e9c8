"""The pure domain core of Blueprint Studio: it never imports Django, DRF or Kubernetes."""
