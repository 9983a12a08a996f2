package com.souq.commerce.vendor.query;

import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.vendor.api.CommissionPlan;
import com.souq.commerce.vendor.api.VendorStatus;
import com.souq.commerce.vendor.query.api.FindVendorQuery;
import com.souq.commerce.vendor.query.api.FindVendorsQuery;
import com.souq.commerce.vendor.query.api.VendorView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Answers vendor queries from the {@code vendors} table. */
@Component
class VendorQueryHandler {

    private static final String COLUMNS = """
            vendor_id, display_name, legal_name, country, currency, contact_email, status, status_reason,
            commission_plan, kyc_documents, applicant_subject, applied_at, updated_at, version""";
    private static final TypeReference<List<VendorView.KycDocument>> DOCUMENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    VendorQueryHandler(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    Optional<VendorView> handle(FindVendorQuery query) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vendors WHERE vendor_id = :id")
                .param("id", UUID.fromString(query.vendorId().value()))
                .query(this::toView)
                .optional();
    }

    /** Declared raw because Axon matches an instance response type against the erased class. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    PageResult handle(FindVendorsQuery query) {
        String where = query.status() == null ? "" : " WHERE status = :status";
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM vendors" + where);
        JdbcClient.StatementSpec page = jdbc.sql("SELECT " + COLUMNS + " FROM vendors" + where
                        + " ORDER BY applied_at DESC, vendor_id LIMIT :limit OFFSET :offset")
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size());
        if (query.status() != null) {
            count = count.param("status", query.status().name());
            page = page.param("status", query.status().name());
        }
        long total = count.query(Long.class).single();
        return PageResult.of(page.query(this::toView).list(), query.page(), query.size(), total);
    }

    private VendorView toView(ResultSet row, int index) throws SQLException {
        return new VendorView(
                row.getString("vendor_id"),
                row.getString("display_name"),
                row.getString("legal_name"),
                row.getString("country"),
                row.getString("currency"),
                row.getString("contact_email"),
                VendorStatus.valueOf(row.getString("status")),
                row.getString("status_reason"),
                json.readValue(row.getString("commission_plan"), CommissionPlan.class),
                json.readValue(row.getString("kyc_documents"), DOCUMENTS),
                row.getString("applicant_subject"),
                row.getTimestamp("applied_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                row.getLong("version"));
    }
}
