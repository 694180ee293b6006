namespace MultiLabel.Files;

/// <summary>
/// The files a command reads and so must never write — its input images, label files, the model — each with the role it
/// plays ("the model", "an input image"). An output path "replaces" one when it is the same path or names the same file
/// (<see cref="FileIdentity"/>: through a link, a hard link, <c>./</c>, another spelling). Outputs are checked before any
/// work starts, so a refused command has changed nothing.
/// </summary>
public sealed class ProtectedFiles
{
    private readonly Dictionary<string, (string Path, string Role)> byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<(ulong, ulong), (string Path, string Role)> byIdentity = [];

    /// <summary>Protects <paramref name="paths"/>, each playing <paramref name="role"/> ("an input image").</summary>
    public ProtectedFiles Add(IEnumerable<string> paths, string role)
    {
        foreach (string path in paths)
        {
            byPath.TryAdd(Path.GetFullPath(path), (path, role));
            if (FileIdentity.Of(path) is { Kind: FileKind.Regular } identity) byIdentity.TryAdd((identity.Device, identity.Inode), (path, role));
        }
        return this;
    }

    /// <summary>Protects <paramref name="path"/>, playing <paramref name="role"/> ("the model").</summary>
    public ProtectedFiles Add(string path, string role) => Add([path], role);

    /// <summary>The protected file writing <paramref name="output"/> would replace, with its role; null when it replaces none.</summary>
    public (string Path, string Role)? Replaced(string output)
    {
        if (byPath.TryGetValue(Path.GetFullPath(output), out var same)) return same;
        if (FileIdentity.Of(output) is { } identity && byIdentity.TryGetValue((identity.Device, identity.Inode), out var linked)) return linked;
        return null;
    }

    /// <summary>
    /// Throws a <see cref="SettingException"/> on <paramref name="setting"/> when writing any of <paramref name="outputs"/>
    /// would replace a protected file: "<c>SETTING X would write OUT over ROLE PATH; nothing was written: point SETTING elsewhere.</c>".
    /// </summary>
    public void EnsureNoneReplaced(IEnumerable<string> outputs, string setting, string settingValue)
    {
        foreach (string output in outputs)
            if (Replaced(output) is { } hit)
                throw new SettingException(setting,
                    $"{setting} {settingValue} would write {output} over {hit.Role} {hit.Path}; nothing was written: point {setting} elsewhere.");
    }
}
