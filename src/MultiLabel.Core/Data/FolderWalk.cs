using MultiLabel.Files;

namespace MultiLabel.Data;

/// <summary>
/// Walks a folder tree safely. Real files and folders come first; symbolic links are followed afterwards, so a link never
/// decides the labels of a file that also lies in a folder of its own. Each folder is walked once, whatever the number of
/// paths to it (identity by device and inode, <see cref="FileIdentity"/>), so link cycles and crossing links cost nothing;
/// a link that leaves the root is followed only when asked. Hidden entries (names starting with '.') are left out quietly,
/// as they always were; every other entry left out is reported with its reason — broken links, loops, devices and pipes,
/// unreadable folders, and names that are not valid UTF-8 (which .NET can list but not open). Cancellable between entries.
/// </summary>
public static class FolderWalk
{
    /// <summary>Walks <paramref name="root"/>; <paramref name="followLinks"/> also follows links that lead out of it.</summary>
    public static FolderWalkResult Walk(string root, bool followLinks, CancellationToken cancellationToken = default)
    {
        root = Path.GetFullPath(root);
        string realRoot = FileIdentity.RealPath(root) ?? root;
        var files = new List<WalkedFile>();
        var skipped = new List<SkippedFile>();
        var walked = new Dictionary<(ulong, ulong), string>();
        var links = new Queue<string>();
        if (FileIdentity.Of(root) is { } rootIdentity) walked[(rootIdentity.Device, rootIdentity.Inode)] = root;

        // Pass 1: the real tree. Links are queued, so every real location is known before any link is followed.
        WalkFolder(root, throughLink: false);
        // Pass 2: links, in the order found; folders they lead to are walked the same way, their own links queued in turn.
        while (links.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string link = links.Dequeue();
            if (Follow(link) is not { } target) continue;
            if (target.Kind == FileKind.Directory)
            {
                if (walked.TryGetValue((target.Device, target.Inode), out string? first))
                {
                    skipped.Add(new SkippedFile(link, Visited(link, first)) { Kind = SkipKind.Link });
                    continue;
                }
                walked[(target.Device, target.Inode)] = link;
                WalkFolder(link, throughLink: true);
            }
            else files.Add(new WalkedFile(link, target, ThroughLink: true));
        }
        return new FolderWalkResult(files, skipped);

        void WalkFolder(string folder, bool throughLink)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(folder).GetFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                skipped.Add(new SkippedFile(folder, $"this folder cannot be read ({e.Message}); nothing in it was used") { Kind = SkipKind.Unreadable });
                return;
            }
            var subfolders = new List<string>();
            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.Name.StartsWith('.')) continue;
                string path = Path.Combine(folder, entry.Name);
                var identity = FileIdentity.Of(path, followLinks: false);
                if (identity is null)
                {
                    skipped.Add(new SkippedFile(path, entry.Name.Contains('\uFFFD')
                        ? $"its name is not valid UTF-8 (shown with \uFFFD where bytes cannot be decoded), so it cannot be opened{(entry is DirectoryInfo ? " and nothing in it was read" : "")}; rename it"
                        : "it vanished while the folder was read") { Kind = entry.Name.Contains('\uFFFD') ? SkipKind.BadName : SkipKind.Unreadable });
                    continue;
                }
                switch (identity.Value.Kind)
                {
                    case FileKind.SymbolicLink:
                        links.Enqueue(path);
                        break;
                    case FileKind.Directory:
                        if (walked.TryAdd((identity.Value.Device, identity.Value.Inode), path)) subfolders.Add(path);
                        else skipped.Add(new SkippedFile(path, Visited(path, walked[(identity.Value.Device, identity.Value.Inode)])) { Kind = SkipKind.Link });
                        break;
                    case FileKind.Regular:
                        files.Add(new WalkedFile(path, identity.Value, throughLink));
                        break;
                    default:
                        skipped.Add(new SkippedFile(path, $"it is {FileIdentity.Describe(identity.Value.Kind)}, not a file") { Kind = SkipKind.NotAFile });
                        break;
                }
            }
            foreach (string subfolder in subfolders) WalkFolder(subfolder, throughLink);
        }

        // The identity of what a link leads to, or null (with the reason recorded) when it leads nowhere usable.
        FileIdentity? Follow(string link)
        {
            string? real = FileIdentity.RealPath(link);
            if (real is null || FileIdentity.Of(link) is not { } target)
            {
                string to = ReadLink(link);
                skipped.Add(new SkippedFile(link, $"it is a symbolic link to {to}, which does not exist (or loops on itself)") { Kind = SkipKind.Link });
                return null;
            }
            if (!followLinks && !IsUnder(real, realRoot))
            {
                skipped.Add(new SkippedFile(link,
                    $"it is a symbolic link to {real}, outside the dataset folder; links out of it are followed only with FollowLinks") { Kind = SkipKind.Link });
                return null;
            }
            if (target.Kind is not (FileKind.Directory or FileKind.Regular))
            {
                skipped.Add(new SkippedFile(link, $"it is a symbolic link to {FileIdentity.Describe(target.Kind)} ({real}), not a file") { Kind = SkipKind.NotAFile });
                return null;
            }
            return target;
        }

        string Visited(string path, string first) =>
            IsUnder(Path.GetFullPath(path), first)
                ? $"it leads back to {first}, a folder it lies in (a loop); left out"
                : $"it leads to {first}, which is walked already; its images keep the labels of that folder";
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies inside it.</summary>
    private static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith('/') ? folder : folder + "/", StringComparison.Ordinal);

    private static string ReadLink(string link)
    {
        try { return new FileInfo(link).LinkTarget ?? "nothing"; }
        catch (IOException) { return "nothing"; }
    }
}
