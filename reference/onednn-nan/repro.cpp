// Sporadic NaN input gradients from oneDNN's backward convolution (libtorch 2.7.1, oneDNN 3.7.1), the
// same program as repro.py against libtorch's C++ API. See README.md.
//
//   repro [passes [poison [mkldnn 0|1]]]
#include <torch/torch.h>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  const int passes = argc > 1 ? std::atoi(argv[1]) : 300;
  const int poison = argc > 2 ? std::atoi(argv[2]) : 3;
  const bool mkldnn = argc > 3 ? std::atoi(argv[3]) != 0 : true;
  torch::set_num_threads(1);
  at::globalContext().setUserEnabledMkldnn(mkldnn);
  torch::manual_seed(1);
  torch::nn::Sequential net(
      torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 3, 3).padding(1)),
      torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 3, 3).padding(1)),
      torch::nn::Flatten());
  torch::Tensor x = torch::rand({32, 1, 28, 28});
  torch::Tensor loss_weights = torch::randn({32, 3 * 784});
  torch::Tensor conv1_weight = net->parameters()[0];
  torch::Tensor first;
  int non_finite = 0, differing = 0;
  for (int pass = 0; pass < passes; ++pass) {
    for (int i = 0; i < poison; ++i) {
      // 16 x 16 x 3 x 3 floats: the second convolution's weights in oneDNN's 16x16-padded blocked layout.
      torch::full({16 * 16 * 9}, NAN);
    }
    net->zero_grad(/*set_to_none=*/false);
    (net->forward(x.clone()) * loss_weights).sum().backward();
    torch::Tensor grad = conv1_weight.grad().clone();
    if (!torch::isfinite(grad).all().item<bool>()) {
      ++non_finite;
    } else if (!first.defined()) {
      first = grad;
    } else if (!torch::equal(first, grad)) {
      ++differing;
    }
  }
  std::printf("mkldnn %d, %d poisoned block(s) per pass: conv1.weight gradient not finite in %d and not identical"
              " to the first pass in %d of %d identical backward passes\n",
              mkldnn ? 1 : 0, poison, non_finite, differing, passes);
  return non_finite || differing ? 1 : 0;
}
