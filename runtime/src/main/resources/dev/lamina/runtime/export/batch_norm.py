class {{BATCH_NORM}}(nn.{{BATCH_NORM}}):
    """nn.{{BATCH_NORM}} whose state_dict is weight, bias, running_mean and running_var, as Lamina keeps them.

    nn.{{BATCH_NORM}} also counts batches (num_batches_tracked), but uses the count only for momentum=None,
    which Lamina has not. Training behaves as nn.{{BATCH_NORM}}'s, and a state_dict that has the counter
    loads: the counter is ignored.
    """

    def __init__(self, num_features, eps, momentum):
        super().__init__(num_features, eps=eps, momentum=momentum)
        self.register_buffer("num_batches_tracked", None)

    def reset_running_stats(self):
        self.running_mean.zero_()
        self.running_var.fill_(1)

    def _load_from_state_dict(self, state_dict, prefix, *args, **kwargs):
        state_dict.pop(prefix + "num_batches_tracked", None)
        # nn.Module's loader: nn.{{BATCH_NORM}}'s would add the counter back for a state_dict without a version.
        nn.Module._load_from_state_dict(self, state_dict, prefix, *args, **kwargs)
