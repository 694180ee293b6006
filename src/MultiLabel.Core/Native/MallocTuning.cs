using System.Runtime.InteropServices;

namespace MultiLabel.Native;

/// <summary>
/// Keeps glibc's malloc from handing libtorch's large tensor buffers back to the kernel after every
/// use. By default glibc serves blocks above a (dynamic, at most 32 MB) threshold with a fresh
/// <c>mmap</c> and unmaps them on free, so every forward and backward pass page-faults its
/// activations in again, zeroed by the kernel. With mmap off (<c>M_MMAP_MAX = 0</c>) and the heap
/// never trimmed, freed buffers are reused: measured here (bench/PeerBench step-profile, 2 threads,
/// batch 16) a ResNet18 training step at 128 px went from 26–33 to 49–52 images/s and a ResNet50 step
/// at 224 px from 2.7 to 6.4 images/s, at the same peak memory. Linux with glibc only; set
/// <c>MULTILABEL_MALLOC_TUNING=0</c> to leave malloc alone.
/// </summary>
internal static class MallocTuning
{
    private const int TrimThreshold = -1;
    private const int MmapMax = -4;

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);

    /// <summary>Applies the settings; returns false where they do not apply (not glibc, or opted out).</summary>
    public static bool Apply()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MULTILABEL_MALLOC_TUNING") == "0") return false;
        try
        {
            return Mallopt(MmapMax, 0) == 1 & Mallopt(TrimThreshold, int.MaxValue) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // musl and other C libraries have no mallopt
        }
    }
}
