using Strata.CommandLine;
using Strata.Modules.Auth;
using Strata.Modules.Catalog;
using Strata.TestModules.Gadgets;
using Strata.TestModules.Widgets;

return await StrataCommandLine.RunAsync(args, strata => strata.AddModule<AuthModule>().AddModule<CatalogModule>().AddModule<WidgetsModule>().AddModule<GadgetsModule>());
