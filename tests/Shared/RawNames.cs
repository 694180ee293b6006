// Shared by the Core and CLI test projects (linked from each .csproj).
using System.Runtime.InteropServices;
using System.Text;

namespace MultiLabel.Tests;

/// <summary>Gives files names that are not valid UTF-8, as other systems and old archives leave them: .NET strings cannot spell such names, so libc's rename does.</summary>
internal static class RawNames
{
    /// <summary>Renames <paramref name="path"/> to <paramref name="folder"/>/<paramref name="prefix"/> + byte 0xFF + <paramref name="suffix"/>.</summary>
    public static void RenameToInvalidUtf8(string path, string folder, string prefix, string suffix)
    {
        byte[] from = [.. Encoding.UTF8.GetBytes(path), 0];
        byte[] to = [.. Encoding.UTF8.GetBytes(Path.Combine(folder, prefix)), 0xFF, .. Encoding.UTF8.GetBytes(suffix), 0];
        if (Rename(from, to) != 0) throw new IOException($"rename failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(byte[] from, byte[] to);
}
