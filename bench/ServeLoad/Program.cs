using MultiLabel.Bench;

// bench/serve-load.sh runs these three steps; each prints one line of `key=value` results.
//   make-bundle OUT.mlpkg ARCH SIZE SAMPLES     an untrained bundle over the labels of SAMPLES' folders (no training)
//   offline MODEL IMAGES COUNT [BATCH]          offline batch throughput of COUNT images through Predictor (batches of 32)
//   load URL IMAGES COUNT CONCURRENCY           COUNT single-image requests from CONCURRENCY clients
//   overload URL IMAGES RATE SECONDS            open-loop single-image requests at RATE per second for SECONDS
return args switch
{
    ["make-bundle", var output, var architecture, var size, var samples] => UntrainedBundle.Write(output, architecture, int.Parse(size), samples),
    ["offline", var model, var images, var count] => OfflineRun.Measure(model, images, int.Parse(count), 32),
    ["offline", var model, var images, var count, var batch] => OfflineRun.Measure(model, images, int.Parse(count), int.Parse(batch)),
    ["load", var url, var images, var count, var concurrency] => await LoadRun.MeasureAsync(url, images, int.Parse(count), int.Parse(concurrency)),
    ["overload", var url, var images, var rate, var seconds] =>
        await OverloadRun.MeasureAsync(url, images, double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ServeLoad make-bundle OUT ARCH SIZE SAMPLES | offline MODEL IMAGES COUNT [BATCH] | load URL IMAGES COUNT CONCURRENCY | overload URL IMAGES RATE SECONDS");
    return 64;
}
