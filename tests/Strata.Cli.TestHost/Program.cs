using Strata.Cli;
using Strata.Modules.Auth;
using Strata.TestModules.Gadgets;
using Strata.TestModules.Widgets;

return await StrataCommandLine.RunAsync(args, strata => strata.AddModule<AuthModule>().AddModule<WidgetsModule>().AddModule<GadgetsModule>());
