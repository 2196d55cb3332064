resource "aws_db_subnet_group" "db" {
  name       = "shop-db"
  subnet_ids = aws_subnet.db[*].id
}

resource "aws_db_instance" "primary" {
  identifier              = "shop-primary"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = var.db_instance_class
  allocated_storage       = 200
  storage_type            = "gp3"
  multi_az                = true
  backup_retention_period = 14
  db_subnet_group_name    = aws_db_subnet_group.db.name
  vpc_security_group_ids  = [aws_security_group.db.id]
  username                = "shop"
  manage_master_user_password = true
  tags = {
    Name = "Orders database"
  }
}

resource "aws_db_instance" "replica" {
  identifier             = "shop-replica"
  replicate_source_db    = aws_db_instance.primary.identifier
  instance_class         = "db.r6g.large"
  vpc_security_group_ids = [aws_security_group.db.id]
  skip_final_snapshot    = true
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/shop-app"
  retention_in_days = 30
}
