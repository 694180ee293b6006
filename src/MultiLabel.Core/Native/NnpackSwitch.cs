using System.Reflection;
using System.Runtime.InteropServices;

namespace MultiLabel.Native;

/// <summary>
/// Turns libtorch's NNPACK convolution path off. On CPUs NNPACK does not support, libtorch otherwise
/// prints "Could not initialize NNPACK! Reason: Unsupported hardware" on every small-batch forward
/// pass; TorchSharp has no switch for it, so the C++ setter <c>at::Context::setUserEnabledNNPACK</c>
/// is called directly. Nothing is lost: where NNPACK works, oneDNN convolutions are as fast on CPU.
/// </summary>
internal static class NnpackSwitch
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GlobalContext();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void SetEnabled(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    /// <summary>Disables NNPACK; returns false when the symbols are not found (another libtorch build).</summary>
    public static bool Disable()
    {
        if (!TryLoadTorchCpu(out IntPtr library)) return false;
        if (!NativeLibrary.TryGetExport(library, "_ZN2at13globalContextEv", out IntPtr global) ||
            !NativeLibrary.TryGetExport(library, "_ZN2at7Context20setUserEnabledNNPACKEb", out IntPtr setter))
            return false;
        var context = Marshal.GetDelegateForFunctionPointer<GlobalContext>(global)();
        Marshal.GetDelegateForFunctionPointer<SetEnabled>(setter)(context, false);
        return true;
    }

    private static bool TryLoadTorchCpu(out IntPtr library)
    {
        var torchSharp = typeof(TorchSharp.torch).Assembly;
        foreach (string name in new[] { "libtorch_cpu.so", "libtorch_cpu" })
            if (NativeLibrary.TryLoad(name, torchSharp, DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories, out library))
                return true;
        string beside = Path.Combine(Path.GetDirectoryName(torchSharp.Location) ?? AppContext.BaseDirectory, "libtorch_cpu.so");
        return NativeLibrary.TryLoad(beside, out library);
    }
}
