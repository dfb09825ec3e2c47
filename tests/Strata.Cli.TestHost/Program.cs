using Strata.Cli;
using Strata.TestModules.Gadgets;
using Strata.TestModules.Widgets;

return await StrataCommandLine.RunAsync(args, strata => strata.AddModule<WidgetsModule>().AddModule<GadgetsModule>());
