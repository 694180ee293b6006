using MultiLabel.Native;
using TorchSharp;

namespace MultiLabel.Tests.Native;

public class TorchRuntimeTests
{
    [Fact]
    public void Libtorch_loads_and_runs_a_tensor_operation()
    {
        TorchRuntime.EnsureLoaded();

        using var product = torch.ones(2, 3).matmul(torch.full(3, 4, 2.0f));

        Assert.Equal(6.0f, product[1, 3].item<float>());
    }

    [Fact]
    public void Asking_for_cuda_without_a_device_is_a_clear_error()
    {
        if (torch.cuda.is_available()) return;

        var error = Assert.Throws<SettingException>(() => TorchRuntime.ResolveDevice(ComputeDevice.Cuda));

        Assert.Equal("Device", error.Setting);
        Assert.Contains("no CUDA device", error.Message);
        Assert.DoesNotContain("--", error.Message);
        Assert.Equal(DeviceType.CPU, TorchRuntime.ResolveDevice(ComputeDevice.Auto).type);
    }
}
