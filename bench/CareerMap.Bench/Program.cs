using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(CareerMap.Bench.PathFinderBenchmarks).Assembly).Run(args);
