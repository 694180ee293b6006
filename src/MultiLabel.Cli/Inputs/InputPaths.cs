using MultiLabel.Cli.Output;
using MultiLabel.Data;
using MultiLabel.Files;

namespace MultiLabel.Cli.Inputs;

/// <summary>
/// The one place the command line's model and dataset paths are checked and resolved, before Core opens them:
/// a run folder stands for the <c>model.mlpkg</c> inside it, and a path that cannot be what the option takes
/// (an image given as a dataset, a CSV given as a model) is refused with one sentence naming the option.
/// </summary>
public static class InputPaths
{
    /// <summary>The file name a training run gives its model.</summary>
    public const string ModelFileName = "model.mlpkg";

    private static ReadOnlySpan<byte> ZipSignature => "PK\u0003\u0004"u8;

    /// <summary>
    /// The model file <paramref name="path"/> names: the file itself, or the <c>model.mlpkg</c> of a run folder.
    /// <paramref name="option"/> is how the command line calls the path (<c>--model</c>, or <c>info</c> for its argument).
    /// </summary>
    /// <exception cref="InputPathException">Nothing there, a folder without a model, or a file that is no model bundle.</exception>
    public static string Model(string path, string option)
    {
        string takes = $"{option} takes the {ModelFileName} a training run wrote, or the run folder holding it";
        if (Directory.Exists(path))
        {
            string inside = Path.Combine(path, ModelFileName);
            if (File.Exists(inside)) return inside;
            // Another bundle in the folder, or run folders inside it, are what the user probably meant.
            var candidates = Directory.GetFiles(path, "*.mlpkg")
                .Concat(Directory.GetDirectories(path).Where(d => File.Exists(Path.Combine(d, ModelFileName))))
                .Order(StringComparer.Ordinal).Take(3).ToArray();
            throw new InputPathException(candidates.Length > 0
                ? $"{Subject(option, path)} is a folder without a {ModelFileName}; did you mean {Sentence.Or(candidates)}?"
                : $"{Subject(option, path)} is a folder without a {ModelFileName}; {takes}.");
        }
        if (!File.Exists(path)) throw new InputPathException($"{Subject(option, path)} does not exist; {takes}.");
        if (!StartsWith(path, ZipSignature))
            throw new InputPathException($"{Subject(option, path)} is not a MultiLabel model ({ModelFileName}); {takes}.");
        return path;
    }

    /// <summary>
    /// Checks that <paramref name="path"/> can be a dataset: a folder, or a file that is neither an image nor binary
    /// (a CSV label file). <paramref name="option"/> is how the command line calls the path (<c>--data</c>).
    /// </summary>
    /// <exception cref="InputPathException">Nothing there, an image, or a binary file.</exception>
    public static string Dataset(string path, string option)
    {
        const string takes = "a folder of label-named subfolders (black_dress/photo.jpg) or a CSV label file";
        if (Directory.Exists(path)) return path;
        if (!File.Exists(path)) throw new InputPathException($"{Subject(option, path)} does not exist; {option} takes {takes}.");
        if (FileIdentity.KindOf(path) is not FileKind.Regular and var kind)
            throw new InputPathException($"{Subject(option, path)} is {FileIdentity.Describe(kind)}, not a dataset; {option} takes {takes}.");
        var format = ImageFormatSniffer.Detect(path, out _);
        if (format != ImageFormat.Unknown)
            throw new InputPathException($"{Subject(option, path)} is an image ({ImageFormatSniffer.Name(format)}), not a dataset; {option} takes {takes}.");
        if (IsBinary(path))
            throw new InputPathException($"{Subject(option, path)} is not a CSV label file (it holds binary data); {option} takes {takes}.");
        return path;
    }

    /// <summary>"--model x" for an option, "x" for an argument (whose name is the command's).</summary>
    private static string Subject(string option, string path) => option.StartsWith('-') ? $"{option} {path}" : path;

    private static bool StartsWith(string path, ReadOnlySpan<byte> signature)
    {
        Span<byte> head = stackalloc byte[signature.Length];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual(signature);
    }

    /// <summary>True when the first 4 KB hold a NUL byte, which no UTF-8 text does (UTF-16 text, marked by its byte order mark, may).</summary>
    private static bool IsBinary(string path)
    {
        Span<byte> head = stackalloc byte[4096];
        using var stream = File.OpenRead(path);
        head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        bool utf16 = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        return !utf16 && head.Contains((byte)0);
    }
}
