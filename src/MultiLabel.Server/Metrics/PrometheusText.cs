using System.Globalization;
using System.Text;

namespace MultiLabel.Server.Metrics;

/// <summary>Writes metrics in the Prometheus text exposition format (version 0.0.4).</summary>
internal sealed class PrometheusText
{
    /// <summary>The content type scrapers expect.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder text = new();

    /// <summary>Writes the <c># HELP</c> and <c># TYPE</c> lines of a metric family.</summary>
    public PrometheusText Family(string name, string type, string help)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\").Replace("\n", "\\n")).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    /// <summary>Writes one sample: <c>name{labels} value</c>.</summary>
    public PrometheusText Sample(string name, double value, params (string Name, string Value)[] labels)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{');
            for (int i = 0; i < labels.Length; i++)
            {
                if (i > 0) text.Append(',');
                text.Append(labels[i].Name).Append("=\"").Append(Escape(labels[i].Value)).Append('"');
            }
            text.Append('}');
        }
        text.Append(' ').Append(Format(value)).Append('\n');
        return this;
    }

    /// <summary>Writes the <c>_bucket</c>, <c>_sum</c> and <c>_count</c> samples of a histogram.</summary>
    public PrometheusText Histogram(string name, Histogram histogram, params (string Name, string Value)[] labels)
    {
        var (cumulative, sum, count) = histogram.Snapshot();
        for (int i = 0; i < cumulative.Length; i++)
            Sample(name + "_bucket", cumulative[i], [.. labels, ("le", Format(histogram.UpperBounds[i]))]);
        Sample(name + "_bucket", count, [.. labels, ("le", "+Inf")]);
        Sample(name + "_sum", sum, labels);
        return Sample(name + "_count", count, labels);
    }

    /// <inheritdoc/>
    public override string ToString() => text.ToString();

    private static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" :
        double.IsNegativeInfinity(value) ? "-Inf" :
        double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
