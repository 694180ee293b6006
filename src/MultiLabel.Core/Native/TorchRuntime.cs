using TorchSharp;

namespace MultiLabel.Native;

/// <summary>An error loading libtorch, with what to do about it.</summary>
public sealed class TorchLoadException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Loads TorchSharp's native libraries once, with an error that says what to do when they cannot
/// be loaded, and sets the number of CPU threads libtorch uses.
/// </summary>
/// <remarks>
/// libtorch's OpenMP workers keep libgomp's default waiting (spin briefly, then sleep): on an idle
/// machine that trains 5–10% faster than <c>OMP_WAIT_POLICY=PASSIVE</c>. On a machine shared with other
/// busy processes, export <c>OMP_WAIT_POLICY=PASSIVE</c>: spinning workers then fight over the cores
/// (bench/engines.sh measured batch-1 latency 4–6× lower with it under load). glibc's malloc is tuned
/// for libtorch's large buffers (<see cref="MallocTuning"/>).
/// </remarks>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static bool loaded;

    /// <summary>Makes sure libtorch is loaded; throws <see cref="TorchLoadException"/> when it cannot be.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (loaded) return;
            MallocTuning.Apply();
            try
            {
                torch.InitializeDeviceType(DeviceType.CPU);
                using var probe = torch.zeros(1);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new TorchLoadException(
                    "libtorch could not be loaded: " + e.Message + Environment.NewLine +
                    "If the message names GLIBCXX_3.4.32, the build step that marks that version weak in libLibTorchSharp.so " +
                    "did not run: rebuild with `dotnet build` (see build/TorchSharpNativeFix.targets), or install a libstdc++ from GCC 13 or newer.",
                    e);
            }
            NnpackSwitch.Disable();
            loaded = true;
        }
    }

    /// <summary>
    /// False when the libtorch beside this program has no CUDA library (the CPU package, TorchSharp-cpu): then no
    /// device but the CPU can exist, and callers need not load libtorch to ask. True when it may have one.
    /// </summary>
    public static bool CudaBuild { get; } = HasCudaLibrary();

    private static bool HasCudaLibrary()
    {
        string[] folders = [AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"),
            Path.Combine(AppContext.BaseDirectory, "runtimes", "win-x64", "native")];
        return folders.Any(f => Directory.Exists(f) && Directory.EnumerateFiles(f, "*torch_cuda*").Any());
    }

    /// <summary>Loads libtorch and sets its intra-op thread count; 0 keeps libtorch's default (all cores).</summary>
    public static void Configure(int threads)
    {
        EnsureLoaded();
        if (threads > 0) torch.set_num_threads(threads);
    }

    /// <summary>The torch device for <paramref name="device"/>; asking for CUDA where there is none is a <see cref="SettingException"/> on <c>Device</c>.</summary>
    public static torch.Device ResolveDevice(ComputeDevice device)
    {
        EnsureLoaded();
        switch (device)
        {
            case ComputeDevice.Auto:
                return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
            case ComputeDevice.Cpu:
                return torch.CPU;
            case ComputeDevice.Cuda:
                if (!torch.cuda.is_available())
                    throw new SettingException("Device",
                        "Device cuda was asked for, but TorchSharp finds no CUDA device: this build uses the CPU libtorch. " +
                        "Set Device to cpu (or auto), or install a CUDA build of libtorch.");
                return torch.CUDA;
            default:
                throw new ArgumentOutOfRangeException(nameof(device), device, null);
        }
    }
}
