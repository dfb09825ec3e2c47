using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.Modules.Catalog.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_body_styles",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_body_styles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_colors",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    hex = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_colors", x => x.id);
                    table.CheckConstraint("ck_colors_hex", "length(hex) = 7 AND substr(hex, 1, 1) = '#'");
                });

            migrationBuilder.CreateTable(
                name: "catalog_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    storage_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    original_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    owner_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_files", x => x.id);
                    table.CheckConstraint("ck_files_size", "size_bytes >= 0");
                });

            migrationBuilder.CreateTable(
                name: "catalog_manufacturers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<uint>(type: "INTEGER", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_manufacturers", x => x.id);
                    table.CheckConstraint("ck_manufacturers_country", "country IS NULL OR length(country) = 2");
                });

            migrationBuilder.CreateTable(
                name: "catalog_model_variation_categories",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_model_variation_categories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_part_categories",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    parent_id = table.Column<long>(type: "INTEGER", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_part_categories", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalog_part_categories_parent_id",
                        column: x => x.parent_id,
                        principalTable: "catalog_part_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalog_part_names",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_part_names", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_tags",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_tags", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_vehicle_hierarchy_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    entity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    before = table.Column<string>(type: "TEXT", nullable: true),
                    after = table.Column<string>(type: "TEXT", nullable: true),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_vehicle_hierarchy_audit", x => x.id);
                    table.CheckConstraint("ck_vehicle_hierarchy_audit_action", "action IN ('created', 'updated', 'deleted')");
                    table.CheckConstraint("ck_vehicle_hierarchy_audit_entity_type", "entity_type IN ('manufacturer', 'model', 'variation')");
                });

            migrationBuilder.CreateTable(
                name: "catalog_models",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    manufacturer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<uint>(type: "INTEGER", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_models", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalog_models_manufacturer_id",
                        column: x => x.manufacturer_id,
                        principalTable: "catalog_manufacturers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalog_parts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    manufacturer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    part_number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    normalized_part_number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    part_name_id = table.Column<long>(type: "INTEGER", nullable: true),
                    category_id = table.Column<long>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    attributes = table.Column<string>(type: "TEXT", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<uint>(type: "INTEGER", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_parts", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalog_parts_category_id",
                        column: x => x.category_id,
                        principalTable: "catalog_part_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_catalog_parts_manufacturer_id",
                        column: x => x.manufacturer_id,
                        principalTable: "catalog_manufacturers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_catalog_parts_part_name_id",
                        column: x => x.part_name_id,
                        principalTable: "catalog_part_names",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalog_model_variations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    model_id = table.Column<long>(type: "INTEGER", nullable: false),
                    year_from = table.Column<int>(type: "INTEGER", nullable: false),
                    year_to = table.Column<int>(type: "INTEGER", nullable: true),
                    trim = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    engine = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    body_style_id = table.Column<long>(type: "INTEGER", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<uint>(type: "INTEGER", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_model_variations", x => x.id);
                    table.CheckConstraint("ck_model_variations_years", "year_from BETWEEN 1886 AND 2100 AND (year_to IS NULL OR year_to BETWEEN year_from AND 2100)");
                    table.ForeignKey(
                        name: "fk_catalog_model_variations_body_style_id",
                        column: x => x.body_style_id,
                        principalTable: "catalog_body_styles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_catalog_model_variations_model_id",
                        column: x => x.model_id,
                        principalTable: "catalog_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalog_part_alternatives",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    low_part_id = table.Column<long>(type: "INTEGER", nullable: false),
                    high_part_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_part_alternatives", x => x.id);
                    table.CheckConstraint("ck_part_alternatives_kind", "kind IN ('oem', 'aftermarket', 'interchange')");
                    table.CheckConstraint("ck_part_alternatives_order", "low_part_id < high_part_id");
                    table.ForeignKey(
                        name: "fk_catalog_part_alternatives_high_part_id",
                        column: x => x.high_part_id,
                        principalTable: "catalog_parts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_catalog_part_alternatives_low_part_id",
                        column: x => x.low_part_id,
                        principalTable: "catalog_parts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_part_tags",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    part_id = table.Column<long>(type: "INTEGER", nullable: false),
                    tag_id = table.Column<long>(type: "INTEGER", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_part_tags", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalog_part_tags_part_id",
                        column: x => x.part_id,
                        principalTable: "catalog_parts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_catalog_part_tags_tag_id",
                        column: x => x.tag_id,
                        principalTable: "catalog_tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_category_parts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    category_id = table.Column<long>(type: "INTEGER", nullable: false),
                    part_id = table.Column<long>(type: "INTEGER", nullable: false),
                    variation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_category_parts", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalog_category_parts_category_id",
                        column: x => x.category_id,
                        principalTable: "catalog_part_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_catalog_category_parts_part_id",
                        column: x => x.part_id,
                        principalTable: "catalog_parts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_catalog_category_parts_variation_id",
                        column: x => x.variation_id,
                        principalTable: "catalog_model_variations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_model_variation_to_category",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    variation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    category_id = table.Column<long>(type: "INTEGER", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_model_variation_to_category", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalog_model_variation_to_category_category_id",
                        column: x => x.category_id,
                        principalTable: "catalog_model_variation_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_catalog_model_variation_to_category_variation_id",
                        column: x => x.variation_id,
                        principalTable: "catalog_model_variations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_vin_prefixes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    manufacturer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    model_id = table.Column<long>(type: "INTEGER", nullable: true),
                    variation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    year_from = table.Column<int>(type: "INTEGER", nullable: true),
                    year_to = table.Column<int>(type: "INTEGER", nullable: true),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_vin_prefixes", x => x.id);
                    table.CheckConstraint("ck_vin_prefixes_prefix", "length(prefix) BETWEEN 3 AND 8");
                    table.ForeignKey(
                        name: "fk_catalog_vin_prefixes_manufacturer_id",
                        column: x => x.manufacturer_id,
                        principalTable: "catalog_manufacturers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_catalog_vin_prefixes_model_id",
                        column: x => x.model_id,
                        principalTable: "catalog_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_catalog_vin_prefixes_variation_id",
                        column: x => x.variation_id,
                        principalTable: "catalog_model_variations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ux_catalog_body_styles_normalized_name",
                table: "catalog_body_styles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_body_styles_public_id",
                table: "catalog_body_styles",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_category_parts_category_id",
                table: "catalog_category_parts",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_category_parts_variation_id",
                table: "catalog_category_parts",
                column: "variation_id");

            migrationBuilder.CreateIndex(
                name: "ux_catalog_category_parts_part_id_variation_id_category_id",
                table: "catalog_category_parts",
                columns: new[] { "part_id", "variation_id", "category_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_category_parts_public_id",
                table: "catalog_category_parts",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_colors_normalized_name",
                table: "catalog_colors",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_colors_public_id",
                table: "catalog_colors",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_files_owner_type_owner_id",
                table: "catalog_files",
                columns: new[] { "owner_type", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ux_catalog_files_public_id",
                table: "catalog_files",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_files_storage_key",
                table: "catalog_files",
                column: "storage_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_manufacturers_normalized_name",
                table: "catalog_manufacturers",
                column: "normalized_name",
                unique: true,
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_catalog_manufacturers_public_id",
                table: "catalog_manufacturers",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_model_variation_categories_normalized_name",
                table: "catalog_model_variation_categories",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_model_variation_categories_public_id",
                table: "catalog_model_variation_categories",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_model_variation_to_category_category_id",
                table: "catalog_model_variation_to_category",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ux_catalog_model_variation_to_category_public_id",
                table: "catalog_model_variation_to_category",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_model_variation_to_category_variation_id_category_id",
                table: "catalog_model_variation_to_category",
                columns: new[] { "variation_id", "category_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_model_variations_body_style_id",
                table: "catalog_model_variations",
                column: "body_style_id");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_model_variations_model_id_year_from",
                table: "catalog_model_variations",
                columns: new[] { "model_id", "year_from" });

            migrationBuilder.CreateIndex(
                name: "ux_catalog_model_variations_public_id",
                table: "catalog_model_variations",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_models_manufacturer_id_normalized_name",
                table: "catalog_models",
                columns: new[] { "manufacturer_id", "normalized_name" },
                unique: true,
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_catalog_models_public_id",
                table: "catalog_models",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_part_alternatives_high_part_id",
                table: "catalog_part_alternatives",
                column: "high_part_id");

            migrationBuilder.CreateIndex(
                name: "ux_catalog_part_alternatives_low_part_id_high_part_id",
                table: "catalog_part_alternatives",
                columns: new[] { "low_part_id", "high_part_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_part_alternatives_public_id",
                table: "catalog_part_alternatives",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_part_categories_normalized_name",
                table: "catalog_part_categories",
                column: "normalized_name",
                unique: true,
                filter: "parent_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_catalog_part_categories_parent_id_normalized_name",
                table: "catalog_part_categories",
                columns: new[] { "parent_id", "normalized_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_part_categories_public_id",
                table: "catalog_part_categories",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_part_names_normalized_name",
                table: "catalog_part_names",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_part_names_public_id",
                table: "catalog_part_names",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_part_tags_tag_id",
                table: "catalog_part_tags",
                column: "tag_id");

            migrationBuilder.CreateIndex(
                name: "ux_catalog_part_tags_part_id_tag_id",
                table: "catalog_part_tags",
                columns: new[] { "part_id", "tag_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_part_tags_public_id",
                table: "catalog_part_tags",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_parts_category_id",
                table: "catalog_parts",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_parts_part_name_id",
                table: "catalog_parts",
                column: "part_name_id");

            migrationBuilder.CreateIndex(
                name: "ux_catalog_parts_manufacturer_id_normalized_part_number",
                table: "catalog_parts",
                columns: new[] { "manufacturer_id", "normalized_part_number" },
                unique: true,
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_catalog_parts_public_id",
                table: "catalog_parts",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_tags_normalized_name",
                table: "catalog_tags",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_catalog_tags_public_id",
                table: "catalog_tags",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_vehicle_hierarchy_audit_entity_id_occurred_at",
                table: "catalog_vehicle_hierarchy_audit",
                columns: new[] { "entity_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ux_catalog_vehicle_hierarchy_audit_public_id",
                table: "catalog_vehicle_hierarchy_audit",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_vin_prefixes_manufacturer_id",
                table: "catalog_vin_prefixes",
                column: "manufacturer_id");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_vin_prefixes_model_id",
                table: "catalog_vin_prefixes",
                column: "model_id");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_vin_prefixes_prefix",
                table: "catalog_vin_prefixes",
                column: "prefix");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_vin_prefixes_variation_id",
                table: "catalog_vin_prefixes",
                column: "variation_id");

            migrationBuilder.CreateIndex(
                name: "ux_catalog_vin_prefixes_public_id",
                table: "catalog_vin_prefixes",
                column: "public_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_category_parts");

            migrationBuilder.DropTable(
                name: "catalog_colors");

            migrationBuilder.DropTable(
                name: "catalog_files");

            migrationBuilder.DropTable(
                name: "catalog_model_variation_to_category");

            migrationBuilder.DropTable(
                name: "catalog_part_alternatives");

            migrationBuilder.DropTable(
                name: "catalog_part_tags");

            migrationBuilder.DropTable(
                name: "catalog_vehicle_hierarchy_audit");

            migrationBuilder.DropTable(
                name: "catalog_vin_prefixes");

            migrationBuilder.DropTable(
                name: "catalog_model_variation_categories");

            migrationBuilder.DropTable(
                name: "catalog_parts");

            migrationBuilder.DropTable(
                name: "catalog_tags");

            migrationBuilder.DropTable(
                name: "catalog_model_variations");

            migrationBuilder.DropTable(
                name: "catalog_part_categories");

            migrationBuilder.DropTable(
                name: "catalog_part_names");

            migrationBuilder.DropTable(
                name: "catalog_body_styles");

            migrationBuilder.DropTable(
                name: "catalog_models");

            migrationBuilder.DropTable(
                name: "catalog_manufacturers");
        }
    }
}
