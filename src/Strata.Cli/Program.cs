using Strata.Cli;

// The same modules as Strata.Api's Program.cs, named explicitly. Business modules join both as they land.
return await StrataCommandLine.RunAsync(args, strata => { });
