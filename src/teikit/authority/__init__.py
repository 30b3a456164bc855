"""Authority lists (TEI listPerson/listPlace/listOrg) and offline gazetteers, as indexes of
name forms -> entries. See ``entries`` (reading lists), ``forms`` (name keys and derived
forms), ``index`` (lookup), ``gazetteer`` (GeoNames and ISO 3166 data) and ``load``."""
