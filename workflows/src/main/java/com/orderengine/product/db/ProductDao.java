package com.orderengine.product.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Product.class)
public interface ProductDao {

    @SqlQuery("SELECT id, name, price, description, image_url FROM products ORDER BY id")
    List<Product> findAll();

    @SqlQuery("SELECT id, name, price, description, image_url FROM products WHERE id = :id")
    Optional<Product> findById(@Bind("id") int id);

    @SqlQuery("SELECT id, name, price, description, image_url FROM products WHERE id = any(:ids) ORDER BY id")
    List<Product> findByIds(@Bind("ids") int[] ids);
}
