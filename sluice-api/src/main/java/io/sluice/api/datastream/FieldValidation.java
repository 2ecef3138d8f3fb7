package io.sluice.api.datastream;

import io.sluice.api.typeinfo.MissingTypeInfo;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeutils.FieldAccessors;

/** Checks aggregation fields at the call site, so errors point at the user's line. */
final class FieldValidation {
    private FieldValidation() {}

    static void check(TypeInformation<?> type, int position, String field) {
        if (type == null || type instanceof MissingTypeInfo) {
            return; // reported when the job is built, with the operator's name
        }
        if (field == null) {
            FieldAccessors.forPosition(type, position);
        } else {
            FieldAccessors.forName(type, field);
        }
    }
}
