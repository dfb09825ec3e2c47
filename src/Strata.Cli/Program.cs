using Strata.Cli;
using Strata.Modules.Auth;
using Strata.Modules.Workspaces;

// The same modules as Strata.Api's Program.cs, named explicitly.
return await StrataCommandLine.RunAsync(args, strata => strata.AddModule<AuthModule>().AddModule<WorkspacesModule>());
