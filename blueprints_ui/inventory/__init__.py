"""The workload inventory: namespaces and the resources a binding or annotation can select."""
