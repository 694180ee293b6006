using System.Text;
using System.Text.RegularExpressions;

namespace MultiLabel.Data;

/// <summary>The files a list of inputs names, and the inputs that named nothing.</summary>
/// <param name="Files">Files in input order (each folder and pattern sorted ordinally), every file once.</param>
/// <param name="Unmatched">Inputs that are no file, no folder and no pattern matching anything.</param>
public sealed record ImageFileList(IReadOnlyList<string> Files, IReadOnlyList<string> Unmatched)
{
    /// <summary>Entries of walked folders that were left out with their reason (a name that is not UTF-8, a broken link, a loop, a device).</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];
}

/// <summary>
/// Expands what a user names on a command line into image files: a file is taken as it is, a folder
/// is walked recursively (files that look like images by extension or content; hidden entries left
/// out), and a glob pattern (<c>*</c>, <c>?</c>, <c>[abc]</c>, <c>**</c> for any depth of folders)
/// is matched here, for shells that did not expand it. Paths keep the form they were given in.
/// </summary>
public static class ImageFiles
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".jpe", ".png", ".gif", ".bmp", ".webp",
    };

    private static readonly char[] Separators = ['/', '\\'];

    /// <summary>The files <paramref name="inputs"/> name.</summary>
    public static ImageFileList Expand(IEnumerable<string> inputs, CancellationToken cancellationToken = default)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        var skipped = new List<SkippedFile>();
        foreach (string input in inputs)
        {
            int before = files.Count;
            if (File.Exists(input)) Add(input);
            else if (Directory.Exists(input)) AddAll(Walk(input, skipped, cancellationToken));
            else if (IsPattern(input))
            {
                foreach (string match in Match(input))
                {
                    if (Directory.Exists(match)) AddAll(Walk(match, skipped, cancellationToken));
                    else Add(match);
                }
            }
            if (files.Count == before && !seen.Contains(Path.GetFullPath(input))) unmatched.Add(input);
        }
        return new ImageFileList(files, unmatched) { Skipped = skipped };

        void AddAll(IEnumerable<string> paths)
        {
            foreach (string path in paths) Add(path);
        }

        void Add(string path)
        {
            if (seen.Add(Path.GetFullPath(path))) files.Add(path);
        }
    }

    /// <summary>True when <paramref name="input"/> holds glob wildcards.</summary>
    public static bool IsPattern(string input) => input.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>True when <paramref name="path"/> ends in an image extension this tool decodes.</summary>
    public static bool HasImageExtension(string path) => ImageExtensions.Contains(Path.GetExtension(path));

    /// <summary>
    /// The image files under <paramref name="folder"/>, recursively, sorted ordinally, in the form the folder was given in:
    /// links followed wherever they lead (the user named this folder to predict on), each folder and file once, loops and
    /// undecodable names added to <paramref name="skipped"/>.
    /// </summary>
    private static IEnumerable<string> Walk(string folder, List<SkippedFile> skipped, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(folder);
        var walk = FolderWalk.Walk(full, followLinks: true, cancellationToken);
        skipped.AddRange(walk.Skipped);
        var once = new HashSet<(ulong, ulong)>();
        return walk.Files
            .Where(f => once.Add((f.Identity.Device, f.Identity.Inode)))
            .Select(f => Path.Join(folder, Path.GetRelativePath(full, f.Path)))
            .Where(f => HasImageExtension(f) || LooksLikeImage(f))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private static bool LooksLikeImage(string file)
    {
        try { return ImageFormatSniffer.Detect(file, out _) is not ImageFormat.Unknown; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>Files and folders matching the glob <paramref name="pattern"/>, sorted ordinally.</summary>
    private static IEnumerable<string> Match(string pattern)
    {
        bool rooted = pattern.StartsWith('/') || pattern.StartsWith('\\');
        string[] segments = pattern.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        int first = Array.FindIndex(segments, IsPattern);
        string start = string.Join('/', segments[..first]);
        if (rooted) start = "/" + start;
        else if (Path.IsPathRooted(pattern) && first > 0) start = segments[0] + "/" + string.Join('/', segments[1..first]); // C:/...
        var matches = new SortedSet<string>(StringComparer.Ordinal);
        Descend(start, segments, first, matches);
        return matches;
    }

    private static void Descend(string folder, string[] segments, int index, SortedSet<string> matches)
    {
        if (index == segments.Length)
        {
            if (folder.Length > 0) matches.Add(folder);
            return;
        }
        string here = folder.Length == 0 ? "." : folder;
        if (!Directory.Exists(here)) return;
        string segment = segments[index];
        if (segment == "**")
        {
            Descend(folder, segments, index + 1, matches);
            foreach (string sub in Entries(here, directories: true, includeHidden: false))
                Descend(Join(folder, sub), segments, index, matches);
            return;
        }
        if (!IsPattern(segment))
        {
            string next = Join(folder, segment);
            if (index == segments.Length - 1 ? File.Exists(next) || Directory.Exists(next) : Directory.Exists(next))
                Descend(next, segments, index + 1, matches);
            return;
        }
        var regex = ToRegex(segment);
        bool last = index == segments.Length - 1;
        foreach (string name in Entries(here, directories: !last, includeHidden: segment.StartsWith('.')))
            if (regex.IsMatch(name)) Descend(Join(folder, name), segments, index + 1, matches);
    }

    /// <summary>Names in <paramref name="folder"/>: only folders, or files and folders.</summary>
    private static IEnumerable<string> Entries(string folder, bool directories, bool includeHidden)
    {
        IEnumerable<string> paths;
        try { paths = directories ? Directory.EnumerateDirectories(folder) : Directory.EnumerateFileSystemEntries(folder); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
        return paths.Select(Path.GetFileName).OfType<string>().Where(n => includeHidden || !n.StartsWith('.')).ToArray();
    }

    private static string Join(string folder, string name) => folder.Length == 0 ? name : folder.EndsWith('/') ? folder + name : folder + "/" + name;

    /// <summary>A regular expression for one path segment of a glob.</summary>
    private static Regex ToRegex(string segment)
    {
        var text = new StringBuilder("^");
        for (int i = 0; i < segment.Length; i++)
        {
            char c = segment[i];
            switch (c)
            {
                case '*': text.Append("[^/]*"); break;
                case '?': text.Append("[^/]"); break;
                case '[':
                    int end = segment.IndexOf(']', i + 2);
                    if (end < 0) { text.Append(@"\["); break; }
                    string body = segment[(i + 1)..end];
                    bool negate = body.StartsWith('!') || body.StartsWith('^');
                    if (negate) body = body[1..];
                    text.Append(negate ? "[^" : "[").Append(body.Replace(@"\", @"\\")).Append(']');
                    i = end;
                    break;
                default: text.Append(Regex.Escape(c.ToString())); break;
            }
        }
        return new Regex(text.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
