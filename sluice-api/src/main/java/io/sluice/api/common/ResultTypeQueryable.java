package io.sluice.api.common;

import io.sluice.api.typeinfo.TypeInformation;

/** Implemented by sources, functions and formats that know the type they produce. */
public interface ResultTypeQueryable<T> {
    TypeInformation<T> getProducedType();
}
