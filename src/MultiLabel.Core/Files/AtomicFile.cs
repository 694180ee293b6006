namespace MultiLabel.Files;

/// <summary>
/// Writes files that matter so that a crash or Ctrl-C never leaves them half-written: the content goes to a
/// hidden temporary file in the same folder (<c>.NAME.PID.GUID.tmp</c>), is flushed, then renamed over the target.
/// </summary>
public static partial class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="path"/> through <paramref name="write"/>, atomically. <paramref name="durable"/> flushes the
    /// content to the disk before the rename (for models and checkpoints); without it a power cut may lose the new
    /// file, though never leave it half-written (enough for caches).
    /// </summary>
    public static void Write(string path, Action<Stream> write, bool durable = true)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: durable);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/>, atomically.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(text);
        });

    /// <summary>
    /// Deletes the temporary files an earlier process left in <paramref name="folder"/> when it was killed mid-write
    /// (<c>.NAME.PID.GUID.tmp</c> whose process no longer runs; a live process's files are left alone). Returns how many
    /// files and bytes were removed.
    /// </summary>
    public static (int Files, long Bytes) RemoveLeftovers(string folder)
    {
        int files = 0;
        long bytes = 0;
        if (!Directory.Exists(folder)) return (0, 0);
        foreach (string path in Directory.EnumerateFiles(folder, ".*.tmp"))
        {
            var match = LeftoverName().Match(Path.GetFileName(path));
            if (!match.Success || !int.TryParse(match.Groups[1].Value, out int pid) || IsRunning(pid)) continue;
            long length = new FileInfo(path).Length;
            if (TryDelete(path)) { files++; bytes += length; }
        }
        return (files, bytes);
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{pid}");
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\..+\.(\d+)\.[0-9a-f]{32}\.tmp$")]
    private static partial System.Text.RegularExpressions.Regex LeftoverName();

    private static bool TryDelete(string path)
    {
        try { File.Delete(path); return true; }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }
}
