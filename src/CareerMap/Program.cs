using CareerMap.Cli;

return await CareerMapCli.RunAsync(args);
