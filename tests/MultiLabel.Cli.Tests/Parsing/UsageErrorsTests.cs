namespace MultiLabel.Cli.Tests.Parsing;

/// <summary>Every way a command line can be wrong gives one sentence naming the option and the fix, with exit code 64.</summary>
public class UsageErrorsTests
{
    [Theory]
    // Unknown options name the nearest option of that command (strict parsing everywhere).
    [InlineData("train has no option --epoch; did you mean --epochs?", "train", "--data", "X", "--out", "Y", "--epoch", "1")]
    [InlineData("predict has no option --top; did you mean --top-k?", "predict", "--model", "m.mlpkg", "--top", "2", "x.jpg")]
    [InlineData("predict has no option --modle; did you mean --model?", "predict", "--modle", "m.mlpkg", "x.jpg")]
    [InlineData("evaluate has no option --treshold; did you mean --threshold?", "evaluate", "--model", "m", "--data", "d", "--treshold", "0.3")]
    [InlineData("serve has no option --port; multilabel serve --help lists its options.", "serve", "--model", "m", "--port", "80")]
    [InlineData("dataset inspect has no option --cachedir; did you mean --cache-dir?", "dataset", "inspect", "d", "--cachedir", "c")]
    [InlineData("info has no option --JSON; did you mean --json?", "info", "m.mlpkg", "--JSON")]
    [InlineData("train has no option -epochs; did you mean --epochs?", "train", "-epochs", "3")]
    [InlineData("train has no option --thre; did you mean --threads?", "train", "--thre", "2")]
    [InlineData("--json must follow the whole command: multilabel dataset inspect ... --json.", "dataset", "--json", "inspect", "d")]
    [InlineData("dataset inspect has no option --jsn; did you mean --json?", "dataset", "--jsn", "inspect", "d")]
    [InlineData("--quiet must follow a command: multilabel COMMAND [OPTIONS] (multilabel --help lists the commands).", "--quiet", "train")]
    // Values that are not what the option takes say what it takes.
    [InlineData("--epochs takes a whole number, not 'abc'.", "train", "--data", "X", "--out", "Y", "--epochs", "abc")]
    [InlineData("--epochs takes a whole number, not '1.5'.", "train", "--data", "X", "--out", "Y", "--epochs=1.5")]
    [InlineData("--lr takes a number, not '3e-4x'.", "train", "--data", "X", "--out", "Y", "--lr", "3e-4x")]
    [InlineData("--threshold takes a number, not 'high'.", "predict", "--model", "m", "x.jpg", "--threshold", "high")]
    [InlineData("--top-k takes a whole number, not 'two'.", "predict", "--model", "m", "x.jpg", "--top-k", "two")]
    [InlineData("--max-request-bytes takes a whole number, not '10MB'.", "serve", "--model", "m", "--max-request-bytes", "10MB")]
    [InlineData("--engine takes auto, torch or onnx, not 'fast'.", "predict", "--model", "m", "x.jpg", "--engine", "fast")]
    [InlineData("--engine takes auto, torch or onnx, not 'onx'; did you mean onnx?", "evaluate", "--model", "m", "--data", "d", "--engine", "onx")]
    [InlineData("--engine takes auto, torch or onnx, not '2'.", "serve", "--model", "m", "--engine", "2")]
    [InlineData("--device takes auto, cpu or cuda, not 'gpu'.", "serve", "--model", "m", "--device", "gpu")]
    [InlineData("--device takes auto, cpu or cuda, not 'gpu'.", "train", "--data", "X", "--out", "Y", "--device", "gpu")]
    [InlineData("--optimizer takes adam, adamw or sgd, not 'adamx'; did you mean adam or adamw?", "train", "--data", "X", "--out", "Y", "--optimizer", "adamx")]
    [InlineData("--schedule takes onecycle or constant, not 'cosine'.", "train", "--data", "X", "--out", "Y", "--schedule", "cosine")]
    [InlineData("--split takes stratified or random, not 'kfold'.", "train", "--data", "X", "--out", "Y", "--split", "kfold")]
    [InlineData("--monitor takes loss, binary_accuracy, exact_match, macro_f1 or map, not 'f1'.", "train", "--data", "X", "--out", "Y", "--monitor", "f1")]
    [InlineData("--preset takes default or original, not 'orignal'; did you mean original?", "train", "--data", "X", "--out", "Y", "--preset", "orignal")]
    [InlineData("--model resnet51 is not a network this build has; did you mean resnet50?", "train", "--data", "X", "--out", "Y", "--model", "resnet51")]
    [InlineData("--threshold takes a probability from 0 to 1, not 2.", "predict", "--model", "m", "x.jpg", "--threshold", "2")]
    [InlineData("--format takes table, json, jsonl or csv, not 'xml'.", "predict", "--model", "m", "x.jpg", "--format", "xml")]
    [InlineData("--json is --format json; it cannot go with --format csv.", "predict", "--model", "m", "x.jpg", "--json", "--format", "csv")]
    [InlineData("--explain-labels goes with --explain DIR, the folder the heat maps are written to.", "predict", "--model", "m", "x.jpg", "--explain-labels", "red")]
    [InlineData("--no-heat-maps goes with --report DIR.", "evaluate", "--model", "m", "--data", "d", "--no-heat-maps")]
    [InlineData("--batch-size takes 1 or more, not 0.", "evaluate", "--model", "m", "--data", "d", "--batch-size", "0")]
    [InlineData("--threads takes 0 (every core) or more.", "serve", "--model", "m", "--threads", "-1")]
    // Options without their value, switches with one.
    [InlineData("--epochs needs a value: a whole number.", "train", "--data", "X", "--out", "Y", "--epochs")]
    [InlineData("--data needs its DIR: dataset folder (label-named subfolders) or CSV label file.", "train", "--out", "Y", "--data")]
    [InlineData("--model needs its PATH: the model.mlpkg a training run wrote, or the run folder holding it.", "predict", "x.jpg", "--model")]
    [InlineData("--data needs its DIR: labelled images: a folder of label-named subfolders or a label file, as for training.", "evaluate", "--model", "m", "--data", "--json")]
    [InlineData("--report needs its DIR: write an HTML report to DIR/index.html: the metrics, every image with a wrong label and its heat maps, the suspect labels (pictures in DIR/index_files).", "evaluate", "--model", "m", "--data", "d", "--report")]
    [InlineData("--json is a switch and takes no value (write --json alone, not --json=yes).", "predict", "--model", "m", "--json=yes", "x.jpg")]
    // Commands and arguments.
    [InlineData("multilabel has no command 'trian'; did you mean train?", "trian", "--data", "X")]
    [InlineData("dataset has no command 'insp'; did you mean inspect?", "dataset", "insp", "d")]
    [InlineData("train does not take 'samples' here; its options start with -- (multilabel train --help lists them).", "train", "samples", "--out", "Y")]
    [InlineData("info does not take 'b.mlpkg' here; its options start with -- (multilabel info --help lists them).", "info", "a.mlpkg", "b.mlpkg")]
    [InlineData("info needs its MODEL argument: the model.mlpkg a training run wrote, or the run folder holding it.", "info")]
    [InlineData("predict needs its PATHS argument: image files, folders (walked recursively) or glob patterns such as 'photos/**/*.jpg'.", "predict", "--model", "m")]
    [InlineData("--model is required: the model.mlpkg a training run wrote, or the run folder holding it.", "predict", "x.jpg")]
    [InlineData("--out is required: the folder that receives the model.", "train", "--data", "X")]
    [InlineData("train takes nothing after --, but was given z; put it before the --.", "train", "--data", "X", "--out", "Y", "--", "z")]
    public void A_wrong_command_line_is_one_sentence_naming_the_option_with_exit_code_64(string message, params string[] args)
    {
        var result = InProcess.Run(args);

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.Equal("error: " + message, result.Error);
    }
}
