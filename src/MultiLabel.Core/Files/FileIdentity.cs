using System.Runtime.InteropServices;
using System.Text;

namespace MultiLabel.Files;

/// <summary>
/// Which file a path names, by the file system's own identity — device and inode on Linux — so two paths to one file
/// (a symbolic link, a hard link, a bind mount, <c>./a</c> and <c>a</c>) compare equal where comparing path strings would
/// not. Read with the <c>statx</c> system call, whose record has the same layout on every Linux architecture; elsewhere
/// the identity falls back to the full path with links resolved.
/// </summary>
/// <param name="Device">The device the file lives on.</param>
/// <param name="Inode">The file's number on that device.</param>
/// <param name="Kind">What the path names.</param>
/// <param name="Size">Its size in bytes (for a regular file).</param>
public readonly record struct FileIdentity(ulong Device, ulong Inode, FileKind Kind, long Size)
{
    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100, StatxBasicStats = 0x7ff, StatxSize = 256;

    /// <summary>The identity of what <paramref name="path"/> names, following links unless <paramref name="followLinks"/> is false; null when it does not exist.</summary>
    public static FileIdentity? Of(string path, bool followLinks = true)
    {
        if (!OperatingSystem.IsLinux()) return Fallback(path, followLinks);
        Span<byte> buffer = stackalloc byte[StatxSize];
        byte[] name = Encoding.UTF8.GetBytes(path + "\0");
        if (Statx(AtFdCwd, name, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0) return null;
        uint mode = BitConverter.ToUInt16(buffer[28..]);
        ulong inode = BitConverter.ToUInt64(buffer[32..]);
        long size = (long)BitConverter.ToUInt64(buffer[40..]);
        ulong device = ((ulong)BitConverter.ToUInt32(buffer[136..]) << 32) | BitConverter.ToUInt32(buffer[140..]);
        return new FileIdentity(device, inode, KindOf(mode), size);
    }

    /// <summary>The kind of what <paramref name="path"/> names (links followed).</summary>
    public static FileKind KindOf(string path) => Of(path)?.Kind ?? FileKind.Missing;

    /// <summary>True when both paths exist and name the same file.</summary>
    public static bool Same(string a, string b) => Of(a) is { } x && Of(b) is { } y && x.SameFile(y);

    /// <summary>True when both identities are one file (kind and size aside).</summary>
    public bool SameFile(FileIdentity other) => Device == other.Device && Inode == other.Inode;

    /// <summary>
    /// The canonical path of <paramref name="path"/>: absolute, every link resolved, no <c>.</c> or <c>..</c>
    /// (<c>realpath</c>); null when it does not exist.
    /// </summary>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            try { return Path.GetFullPath(new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path); }
            catch (IOException) { return null; }
        }
        IntPtr resolved = RealPathNative(Encoding.UTF8.GetBytes(path + "\0"), IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(resolved); }
        finally { Free(resolved); }
    }

    /// <summary>A word for <paramref name="kind"/> as a sentence needs it ("a character device").</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Pipe => "a named pipe",
        FileKind.Socket => "a socket",
        _ => "nothing",
    };

    private static FileKind KindOf(uint mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.Pipe,
        0xC000 => FileKind.Socket,
        _ => FileKind.Missing,
    };

    private static FileIdentity? Fallback(string path, bool followLinks)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null) return null;
        if (!followLinks && info.LinkTarget is not null) return new FileIdentity(0, Hash(info.FullName), FileKind.SymbolicLink, 0);
        string real = RealPath(path) ?? info.FullName;
        return new FileIdentity(0, Hash(real), info is DirectoryInfo ? FileKind.Directory : FileKind.Regular, info is FileInfo f ? f.Length : 0);
    }

    private static ulong Hash(string text) => (ulong)StringComparer.Ordinal.GetHashCode(text) ^ ((ulong)text.Length << 32);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, ref byte buffer);

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr RealPathNative(byte[] path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr pointer);
}
