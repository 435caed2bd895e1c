package com.orderengine.api.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.api.errors.ApiExceptionMapper;
import com.orderengine.api.errors.ErrorResponse;
import com.orderengine.api.errors.UnexpectedExceptionMapper;
import com.orderengine.api.errors.WebApplicationExceptionMapper;
import com.orderengine.product.db.ProductDao;
import com.orderengine.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The resource layer on its own harness, over the real catalogue in PostgreSQL. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProductResourceTest {

    private static final ProductDao products = TestPostgres.newDatabase().jdbi().onDemand(ProductDao.class);

    static final ResourceExtension resources = ResourceExtension.builder()
            .setRegisterDefaultExceptionMappers(false)
            .addResource(new ProductResource(products))
            .addProvider(new ApiExceptionMapper())
            .addProvider(new WebApplicationExceptionMapper())
            .addProvider(new UnexpectedExceptionMapper())
            .build();

    @Test
    void listsTheCatalogueInIdOrder() {
        List<ProductView> list = resources.target("/products").request().get(new GenericType<>() {});
        assertThat(list).extracting(ProductView::id).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(list.get(2).price()).isEqualTo("9.50");
    }

    @Test
    void unknownAndNonNumericIdsAreJson404s() {
        for (String id : List.of("999", "abc", "-1", "99999999999")) {
            Response response = resources.target("/products/" + id).request().get();
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.readEntity(ErrorResponse.class).error()).contains("not found");
        }
    }

    @Test
    void aWrongMethodIsAJson405() {
        Response response = resources.target("/products").request().delete();
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeaderString("Allow")).contains("GET");
        assertThat(response.readEntity(ErrorResponse.class).error())
                .isEqualTo("method not allowed; use " + response.getHeaderString("Allow"));
    }
}
