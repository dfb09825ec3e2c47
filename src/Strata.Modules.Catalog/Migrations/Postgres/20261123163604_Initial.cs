using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Strata.Modules.Catalog.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "catalog");

            migrationBuilder.CreateTable(
                name: "body_styles",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_body_styles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "colors",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    hex = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_colors", x => x.id);
                    table.CheckConstraint("ck_colors_hex", "length(hex) = 7 AND substr(hex, 1, 1) = '#'");
                });

            migrationBuilder.CreateTable(
                name: "files",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    storage_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    original_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    owner_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_files", x => x.id);
                    table.CheckConstraint("ck_files_size", "size_bytes >= 0");
                });

            migrationBuilder.CreateTable(
                name: "manufacturers",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_manufacturers", x => x.id);
                    table.CheckConstraint("ck_manufacturers_country", "country IS NULL OR length(country) = 2");
                });

            migrationBuilder.CreateTable(
                name: "model_variation_categories",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_variation_categories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "part_categories",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    parent_id = table.Column<long>(type: "bigint", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_part_categories", x => x.id);
                    table.ForeignKey(
                        name: "fk_part_categories_parent_id",
                        column: x => x.parent_id,
                        principalSchema: "catalog",
                        principalTable: "part_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "part_names",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_part_names", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tags",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tags", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vehicle_hierarchy_audit",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entity_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    before = table.Column<string>(type: "text", nullable: true),
                    after = table.Column<string>(type: "text", nullable: true),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vehicle_hierarchy_audit", x => x.id);
                    table.CheckConstraint("ck_vehicle_hierarchy_audit_action", "action IN ('created', 'updated', 'deleted')");
                    table.CheckConstraint("ck_vehicle_hierarchy_audit_entity_type", "entity_type IN ('manufacturer', 'model', 'variation')");
                });

            migrationBuilder.CreateTable(
                name: "models",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    manufacturer_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_models", x => x.id);
                    table.ForeignKey(
                        name: "fk_models_manufacturer_id",
                        column: x => x.manufacturer_id,
                        principalSchema: "catalog",
                        principalTable: "manufacturers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "parts",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    manufacturer_id = table.Column<long>(type: "bigint", nullable: false),
                    part_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    normalized_part_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    part_name_id = table.Column<long>(type: "bigint", nullable: true),
                    category_id = table.Column<long>(type: "bigint", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    attributes = table.Column<string>(type: "text", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parts", x => x.id);
                    table.ForeignKey(
                        name: "fk_parts_category_id",
                        column: x => x.category_id,
                        principalSchema: "catalog",
                        principalTable: "part_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_parts_manufacturer_id",
                        column: x => x.manufacturer_id,
                        principalSchema: "catalog",
                        principalTable: "manufacturers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_parts_part_name_id",
                        column: x => x.part_name_id,
                        principalSchema: "catalog",
                        principalTable: "part_names",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "model_variations",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    model_id = table.Column<long>(type: "bigint", nullable: false),
                    year_from = table.Column<int>(type: "integer", nullable: false),
                    year_to = table.Column<int>(type: "integer", nullable: true),
                    trim = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    engine = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    body_style_id = table.Column<long>(type: "bigint", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_variations", x => x.id);
                    table.CheckConstraint("ck_model_variations_years", "year_from BETWEEN 1886 AND 2100 AND (year_to IS NULL OR year_to BETWEEN year_from AND 2100)");
                    table.ForeignKey(
                        name: "fk_model_variations_body_style_id",
                        column: x => x.body_style_id,
                        principalSchema: "catalog",
                        principalTable: "body_styles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_model_variations_model_id",
                        column: x => x.model_id,
                        principalSchema: "catalog",
                        principalTable: "models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "part_alternatives",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    low_part_id = table.Column<long>(type: "bigint", nullable: false),
                    high_part_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_part_alternatives", x => x.id);
                    table.CheckConstraint("ck_part_alternatives_kind", "kind IN ('oem', 'aftermarket', 'interchange')");
                    table.CheckConstraint("ck_part_alternatives_order", "low_part_id < high_part_id");
                    table.ForeignKey(
                        name: "fk_part_alternatives_high_part_id",
                        column: x => x.high_part_id,
                        principalSchema: "catalog",
                        principalTable: "parts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_part_alternatives_low_part_id",
                        column: x => x.low_part_id,
                        principalSchema: "catalog",
                        principalTable: "parts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "part_tags",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    part_id = table.Column<long>(type: "bigint", nullable: false),
                    tag_id = table.Column<long>(type: "bigint", nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_part_tags", x => x.id);
                    table.ForeignKey(
                        name: "fk_part_tags_part_id",
                        column: x => x.part_id,
                        principalSchema: "catalog",
                        principalTable: "parts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_part_tags_tag_id",
                        column: x => x.tag_id,
                        principalSchema: "catalog",
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "category_parts",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    category_id = table.Column<long>(type: "bigint", nullable: false),
                    part_id = table.Column<long>(type: "bigint", nullable: false),
                    variation_id = table.Column<long>(type: "bigint", nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_category_parts", x => x.id);
                    table.ForeignKey(
                        name: "fk_category_parts_category_id",
                        column: x => x.category_id,
                        principalSchema: "catalog",
                        principalTable: "part_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_category_parts_part_id",
                        column: x => x.part_id,
                        principalSchema: "catalog",
                        principalTable: "parts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_category_parts_variation_id",
                        column: x => x.variation_id,
                        principalSchema: "catalog",
                        principalTable: "model_variations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "model_variation_to_category",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    variation_id = table.Column<long>(type: "bigint", nullable: false),
                    category_id = table.Column<long>(type: "bigint", nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_variation_to_category", x => x.id);
                    table.ForeignKey(
                        name: "fk_model_variation_to_category_category_id",
                        column: x => x.category_id,
                        principalSchema: "catalog",
                        principalTable: "model_variation_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_model_variation_to_category_variation_id",
                        column: x => x.variation_id,
                        principalSchema: "catalog",
                        principalTable: "model_variations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "vin_prefixes",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    prefix = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    manufacturer_id = table.Column<long>(type: "bigint", nullable: false),
                    model_id = table.Column<long>(type: "bigint", nullable: true),
                    variation_id = table.Column<long>(type: "bigint", nullable: true),
                    year_from = table.Column<int>(type: "integer", nullable: true),
                    year_to = table.Column<int>(type: "integer", nullable: true),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vin_prefixes", x => x.id);
                    table.CheckConstraint("ck_vin_prefixes_prefix", "length(prefix) BETWEEN 3 AND 8");
                    table.ForeignKey(
                        name: "fk_vin_prefixes_manufacturer_id",
                        column: x => x.manufacturer_id,
                        principalSchema: "catalog",
                        principalTable: "manufacturers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_vin_prefixes_model_id",
                        column: x => x.model_id,
                        principalSchema: "catalog",
                        principalTable: "models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_vin_prefixes_variation_id",
                        column: x => x.variation_id,
                        principalSchema: "catalog",
                        principalTable: "model_variations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ux_body_styles_normalized_name",
                schema: "catalog",
                table: "body_styles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_body_styles_public_id",
                schema: "catalog",
                table: "body_styles",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_category_parts_category_id",
                schema: "catalog",
                table: "category_parts",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_category_parts_variation_id",
                schema: "catalog",
                table: "category_parts",
                column: "variation_id");

            migrationBuilder.CreateIndex(
                name: "ux_category_parts_part_id_variation_id_category_id",
                schema: "catalog",
                table: "category_parts",
                columns: new[] { "part_id", "variation_id", "category_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_category_parts_public_id",
                schema: "catalog",
                table: "category_parts",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_colors_normalized_name",
                schema: "catalog",
                table: "colors",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_colors_public_id",
                schema: "catalog",
                table: "colors",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_files_owner_type_owner_id",
                schema: "catalog",
                table: "files",
                columns: new[] { "owner_type", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ux_files_public_id",
                schema: "catalog",
                table: "files",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_files_storage_key",
                schema: "catalog",
                table: "files",
                column: "storage_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_manufacturers_normalized_name",
                schema: "catalog",
                table: "manufacturers",
                column: "normalized_name",
                unique: true,
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_manufacturers_public_id",
                schema: "catalog",
                table: "manufacturers",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_model_variation_categories_normalized_name",
                schema: "catalog",
                table: "model_variation_categories",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_model_variation_categories_public_id",
                schema: "catalog",
                table: "model_variation_categories",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_model_variation_to_category_category_id",
                schema: "catalog",
                table: "model_variation_to_category",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ux_model_variation_to_category_public_id",
                schema: "catalog",
                table: "model_variation_to_category",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_model_variation_to_category_variation_id_category_id",
                schema: "catalog",
                table: "model_variation_to_category",
                columns: new[] { "variation_id", "category_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_model_variations_body_style_id",
                schema: "catalog",
                table: "model_variations",
                column: "body_style_id");

            migrationBuilder.CreateIndex(
                name: "ix_model_variations_model_id_year_from",
                schema: "catalog",
                table: "model_variations",
                columns: new[] { "model_id", "year_from" });

            migrationBuilder.CreateIndex(
                name: "ux_model_variations_public_id",
                schema: "catalog",
                table: "model_variations",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_models_manufacturer_id_normalized_name",
                schema: "catalog",
                table: "models",
                columns: new[] { "manufacturer_id", "normalized_name" },
                unique: true,
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_models_public_id",
                schema: "catalog",
                table: "models",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_part_alternatives_high_part_id",
                schema: "catalog",
                table: "part_alternatives",
                column: "high_part_id");

            migrationBuilder.CreateIndex(
                name: "ux_part_alternatives_low_part_id_high_part_id",
                schema: "catalog",
                table: "part_alternatives",
                columns: new[] { "low_part_id", "high_part_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_part_alternatives_public_id",
                schema: "catalog",
                table: "part_alternatives",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_part_categories_normalized_name",
                schema: "catalog",
                table: "part_categories",
                column: "normalized_name",
                unique: true,
                filter: "parent_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_part_categories_parent_id_normalized_name",
                schema: "catalog",
                table: "part_categories",
                columns: new[] { "parent_id", "normalized_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_part_categories_public_id",
                schema: "catalog",
                table: "part_categories",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_part_names_normalized_name",
                schema: "catalog",
                table: "part_names",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_part_names_public_id",
                schema: "catalog",
                table: "part_names",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_part_tags_tag_id",
                schema: "catalog",
                table: "part_tags",
                column: "tag_id");

            migrationBuilder.CreateIndex(
                name: "ux_part_tags_part_id_tag_id",
                schema: "catalog",
                table: "part_tags",
                columns: new[] { "part_id", "tag_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_part_tags_public_id",
                schema: "catalog",
                table: "part_tags",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_parts_category_id",
                schema: "catalog",
                table: "parts",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_parts_part_name_id",
                schema: "catalog",
                table: "parts",
                column: "part_name_id");

            migrationBuilder.CreateIndex(
                name: "ux_parts_manufacturer_id_normalized_part_number",
                schema: "catalog",
                table: "parts",
                columns: new[] { "manufacturer_id", "normalized_part_number" },
                unique: true,
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_parts_public_id",
                schema: "catalog",
                table: "parts",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_tags_normalized_name",
                schema: "catalog",
                table: "tags",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_tags_public_id",
                schema: "catalog",
                table: "tags",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_vehicle_hierarchy_audit_entity_id_occurred_at",
                schema: "catalog",
                table: "vehicle_hierarchy_audit",
                columns: new[] { "entity_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ux_vehicle_hierarchy_audit_public_id",
                schema: "catalog",
                table: "vehicle_hierarchy_audit",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_vin_prefixes_manufacturer_id",
                schema: "catalog",
                table: "vin_prefixes",
                column: "manufacturer_id");

            migrationBuilder.CreateIndex(
                name: "ix_vin_prefixes_model_id",
                schema: "catalog",
                table: "vin_prefixes",
                column: "model_id");

            migrationBuilder.CreateIndex(
                name: "ix_vin_prefixes_prefix",
                schema: "catalog",
                table: "vin_prefixes",
                column: "prefix");

            migrationBuilder.CreateIndex(
                name: "ix_vin_prefixes_variation_id",
                schema: "catalog",
                table: "vin_prefixes",
                column: "variation_id");

            migrationBuilder.CreateIndex(
                name: "ux_vin_prefixes_public_id",
                schema: "catalog",
                table: "vin_prefixes",
                column: "public_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "category_parts",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "colors",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "files",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "model_variation_to_category",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "part_alternatives",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "part_tags",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "vehicle_hierarchy_audit",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "vin_prefixes",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "model_variation_categories",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "parts",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "tags",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "model_variations",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "part_categories",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "part_names",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "body_styles",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "models",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "manufacturers",
                schema: "catalog");
        }
    }
}
