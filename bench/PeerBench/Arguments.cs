namespace MultiLabel.Bench;

/// <summary><c>--name value</c> pairs after the task name.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args)
    {
        string? name = null;
        foreach (string arg in args)
        {
            if (arg.StartsWith("--")) { name = arg[2..]; values[name] = "true"; }
            else if (name != null) { values[name] = arg; name = null; }
        }
    }

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback) => values.TryGetValue(name, out string? v) ? int.Parse(v) : fallback;

    public string Required(string name) => values.TryGetValue(name, out string? v) ? v : throw new ArgumentException($"--{name} is required");
}
