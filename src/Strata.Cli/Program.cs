using Strata.CommandLine;
using Strata.Composition;

// The modules of src/Shared/StrataModules.cs, the same list Strata.Api's Program.cs composes.
return await StrataCommandLine.RunAsync(args, StrataModules.All);
