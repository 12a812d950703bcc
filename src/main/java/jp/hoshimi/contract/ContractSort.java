package jp.hoshimi.contract;

import java.util.Optional;

/** The columns the contract list may be sorted by (a whitelist). */
public enum ContractSort {
    CONTRACT_NUMBER,
    TITLE,
    SUPPLIER,
    REQUIRED_LEVEL,
    END_DATE;

    public static Optional<ContractSort> fromProperty(String property) {
        for (ContractSort sort : values()) {
            if (sort.name().equals(property)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }

    public record Order(ContractSort sort, boolean ascending) {
        public static Order defaultOrder() {
            return new Order(CONTRACT_NUMBER, true);
        }
    }
}
