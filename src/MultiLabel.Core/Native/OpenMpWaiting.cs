using System.Runtime.InteropServices;

namespace MultiLabel.Native;

/// <summary>
/// Sets how long libtorch's OpenMP workers (libgomp) spin before they sleep, in the C environment, before libtorch and
/// with it libgomp are loaded: libgomp reads <c>GOMP_SPINCOUNT</c> and <c>OMP_WAIT_POLICY</c> once, when it is loaded,
/// from the process's C environment, which .NET's <c>Environment.SetEnvironmentVariable</c> does not change on Linux
/// (so libc's <c>setenv</c> is called). libgomp's default spin (300,000 rounds, milliseconds) makes a worker whose
/// partner was descheduled burn its core waiting; <see cref="SpinCount"/> is short enough that such a worker soon
/// yields the core, and long enough that on an idle machine workers rarely fall asleep between two parallel regions.
/// A value the user set (either variable) is left alone.
/// </summary>
internal static class OpenMpWaiting
{
    /// <summary>The spin count set, measured by bench/busy-machine.sh (see its results).</summary>
    public const int SpinCount = 30_000;

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnvironment(string name, string value, int overwrite);

    /// <summary>Sets <c>GOMP_SPINCOUNT</c> unless the user chose a wait policy; returns the value in effect, or null when unchanged.</summary>
    public static string? Apply()
    {
        if (!OperatingSystem.IsLinux()) return null;
        if (Environment.GetEnvironmentVariable("GOMP_SPINCOUNT") is { Length: > 0 } spin) return spin;
        if (Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is { Length: > 0 }) return null;
        try
        {
            return SetEnvironment("GOMP_SPINCOUNT", SpinCount.ToString(System.Globalization.CultureInfo.InvariantCulture), 0) == 0
                ? SpinCount.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }
}
