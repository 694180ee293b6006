namespace MultiLabel.Native;

/// <summary>Where tensors are computed.</summary>
public enum ComputeDevice
{
    /// <summary>A CUDA device when libtorch finds one, else the CPU.</summary>
    Auto,
    /// <summary>The CPU.</summary>
    Cpu,
    /// <summary>The first CUDA device; an error where libtorch finds none.</summary>
    Cuda,
}
