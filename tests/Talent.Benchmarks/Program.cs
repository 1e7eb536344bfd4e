using Talent.Benchmarks;

// Usage (from the repository root):
//   dotnet run -c Release --project tests/Talent.Benchmarks -- all [--runs 3] [--seconds 10] [--submissions 1000] [--items 500] [--rate 200] [--inbox-rows 100000] [--inbox-queries 200] [--rest-seconds 30]
//   dotnet run -c Release --project tests/Talent.Benchmarks -- ceilings [--seconds 10] [--runs 3] [--concurrency 64] [--catalogue URL]
//   dotnet run -c Release --project tests/Talent.Benchmarks -- startup
//   dotnet run -c Release --project tests/Talent.Benchmarks -- propagation [--items 1000] [--rate 200]
//   dotnet run -c Release --project tests/Talent.Benchmarks -- tokens [--tokens 1000]
//   dotnet run -c Release --project tests/Talent.Benchmarks -- applications [--submissions 2000] [--rate 100] [--inbox-rows 100000]
//   dotnet run -c Release --project tests/Talent.Benchmarks -- search [--items 10000] [--rate 500] [--seconds 20] [--concurrency 64] [--gateway-part no]
//   dotnet run -c Release --project tests/Talent.Benchmarks -- feedback [--evaluations 1000000] [--submissions 5000] [--queries 1000] [--decisions 500] [--rate 50]
//   dotnet run -c Release --project tests/Talent.Benchmarks -- portal [--users 50] [--seconds 20]
//   dotnet run -c Release --project tests/Talent.Benchmarks -- console [--inbox-rows 100000] [--requests 400]
//   dotnet run -c Release --project tests/Talent.Benchmarks -- matching [--ranking-providers 5000] [--demands 10000] [--providers 2000]
//   dotnet run -c Release --project tests/Talent.Benchmarks -- notifications [--events 2000] [--rate 100]
//   dotnet run -c Release --project tests/Talent.Benchmarks -- exchange [--events 2000] [--rate 100] [--runs 3]
// 'propagation' and 'tokens' measure the running embedded default (start it first with scripts/run).
var command = args.FirstOrDefault() ?? "help";
var options = Options.Parse(args.Skip(1).ToArray());
Console.WriteLine(Machine.Describe());
return command switch
{
    "all" => await SuiteBenchmark.RunAsync(options),
    "ceilings" => await CeilingsBenchmark.RunAsync(options),
    "startup" => await StartupBenchmark.RunAsync(options),
    "propagation" => await PropagationBenchmark.RunAsync(options),
    "tokens" => await TokenBenchmark.RunAsync(options),
    "search" => await SearchBenchmark.RunAsync(options),
    "applications" => await ApplicationsBenchmark.RunAsync(options),
    "feedback" => await FeedbackBenchmark.RunAsync(options),
    "matching" => await MatchingBenchmark.RunAsync(options),
    "portal" => await PortalBenchmark.RunAsync(options),
    "console" => await ConsoleBenchmark.RunAsync(options),
    "notifications" => await NotificationsBenchmark.RunAsync(options),
    "exchange" => await ExchangeBenchmark.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("benchmarks: all [--runs N] [--submissions N] [--items N] [--rate PER_SECOND] [--inbox-rows N] [--inbox-queries N] [--quiet-seconds S] [--rest-seconds S] | ceilings [--seconds S] [--runs N] [--concurrency N] [--catalogue URL] [--postgres CONNECTION] [--rabbitmq AMQP_URI] | startup | propagation [--items N] [--rate PER_SECOND] [--warmup N] [--gateway URL] [--applications-db CONNECTION] | tokens [--tokens N] | applications [--submissions N] [--rate PER_SECOND] [--inbox-rows N] | feedback [--evaluations N] [--items N] [--submissions N] [--queries N] [--decisions N] [--rate PER_SECOND] | matching [--ranking-providers N] [--demands N] [--providers N] | portal [--users N] [--seconds S] | console [--inbox-rows N] [--requests N] | notifications [--events N] [--rate PER_SECOND] | exchange [--events N] [--rate PER_SECOND] [--runs N] | search [--items N] [--searches N] [--rate PER_SECOND] [--seconds S] [--concurrency N] [--gateway-part no]");
    return 2;
}
