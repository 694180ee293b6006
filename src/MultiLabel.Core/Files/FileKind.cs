namespace MultiLabel.Files;

/// <summary>What a path names, as the file system says (not guessed from its name).</summary>
public enum FileKind
{
    /// <summary>Nothing: the path does not exist (or cannot be looked at).</summary>
    Missing,
    /// <summary>A regular file.</summary>
    Regular,
    /// <summary>A folder.</summary>
    Directory,
    /// <summary>A symbolic link (only when links are not followed).</summary>
    SymbolicLink,
    /// <summary>A character device such as <c>/dev/zero</c>.</summary>
    CharacterDevice,
    /// <summary>A block device such as a disk.</summary>
    BlockDevice,
    /// <summary>A named pipe (FIFO).</summary>
    Pipe,
    /// <summary>A Unix socket.</summary>
    Socket,
}
