namespace MultiLabel.Data;

/// <summary>The layout of a label file; <see cref="Auto"/> detects it from the header and content.</summary>
public enum LabelFileFormat
{
    /// <summary>Detect the format (see <see cref="LabelFiles.LabelFileDetector"/>).</summary>
    Auto,

    /// <summary>
    /// CSV or TSV, one image per row: the image, then its labels — split by <c>;</c>, <c>|</c>, commas (a quoted
    /// list) or spaces, or written as a JSON or Python list (<c>['Drama', 'Crime']</c>). An optional header.
    /// </summary>
    PathLabels,

    /// <summary>
    /// CSV or TSV with a header: the first column the image, every other column a label holding 0/1, true/false,
    /// yes/no or −1/1 (CelebA). See <see cref="LabelFiles.MultiHotValues"/> for blanks and −1.
    /// </summary>
    MultiHot,

    /// <summary>COCO instance JSON: an image's labels are the categories of its annotations (none: no labels).</summary>
    Coco,

    /// <summary>Label Studio's JSON export: each task's image and the choices of its annotations.</summary>
    LabelStudio,

    /// <summary>JSON lines, one object per line: <c>{"path": "a.jpg", "labels": ["x", "y"]}</c>.</summary>
    JsonLines,
}
