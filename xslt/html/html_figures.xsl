<?xml version="1.0" encoding="UTF-8"?>
<!--
  Tables and figures. A table holds rows only: what stands between rows (a page break) goes
  into the next row's first cell, and what follows the last row after the table. A figure
  shows its heading as the caption and its graphics as images (loaded lazily), with the
  figure's description (figDesc, or the graphic's desc) as their alternative text; a figure
  whose image cannot be shown shows its description as text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="table">
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="parts" select="node()[not(self::head)][not(self::text()[not(normalize-space())])]"/>
    <xsl:variable name="last-row" select="row[last()]"/>
    <xsl:variable name="trailing" select="$parts[empty($last-row) or . >> $last-row]"/>
    <xsl:element name="{if ($tk:phrasing) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'tk-table-wrap' || (if ($tk:phrasing) then ' tk-block' else '')"/>
      <xsl:element name="{if ($tk:phrasing) then 'span' else 'table'}">
        <xsl:sequence select="tk:attrs(., if ($tk:phrasing) then 'tk-block' else ())"/>
        <xsl:if test="head">
          <xsl:element name="{if ($tk:phrasing) then 'span' else 'caption'}">
            <xsl:attribute name="class" select="'tk-caption'"/>
            <xsl:apply-templates select="head/node()">
              <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
            </xsl:apply-templates>
          </xsl:element>
        </xsl:if>
        <xsl:if test="row">
          <xsl:element name="{if ($tk:phrasing) then 'span' else 'tbody'}">
            <xsl:for-each-group select="$parts except $trailing" group-ending-with="row">
              <xsl:apply-templates select="current-group()[self::row]">
                <xsl:with-param name="before" select="current-group()[not(self::row)]"/>
              </xsl:apply-templates>
            </xsl:for-each-group>
          </xsl:element>
        </xsl:if>
      </xsl:element>
      <xsl:apply-templates select="$trailing"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="row">
    <xsl:param name="before" as="node()*" select="()"/>
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="cells" select="cell"/>
    <xsl:element name="{if ($tk:phrasing) then 'span' else 'tr'}">
      <xsl:sequence select="tk:attrs(., ())"/>
      <xsl:choose>
        <xsl:when test="empty($cells)">
          <xsl:element name="{if ($tk:phrasing) then 'span' else 'td'}">
            <xsl:apply-templates select="$before, node()"/>
          </xsl:element>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each-group select="$before, node()[not(self::text()[not(normalize-space())])]"
              group-ending-with="cell">
            <xsl:apply-templates select="current-group()[self::cell]">
              <xsl:with-param name="before" select="current-group()[not(self::cell)]"/>
            </xsl:apply-templates>
            <xsl:if test="empty(current-group()[self::cell])">
              <!-- after the last cell -->
              <xsl:element name="{if ($tk:phrasing) then 'span' else 'td'}">
                <xsl:apply-templates select="current-group()"/>
              </xsl:element>
            </xsl:if>
          </xsl:for-each-group>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <xsl:template match="cell">
    <xsl:param name="before" as="node()*" select="()"/>
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($tk:phrasing) then 'span' else if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
      <xsl:sequence select="tk:attrs(., ())"/>
      <xsl:if test="not($tk:phrasing) and @cols castable as xs:positiveInteger">
        <xsl:attribute name="colspan" select="@cols"/>
      </xsl:if>
      <xsl:if test="not($tk:phrasing) and @rows castable as xs:positiveInteger">
        <xsl:attribute name="rowspan" select="@rows"/>
      </xsl:if>
      <xsl:apply-templates select="$before, node()"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="figure">
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($tk:phrasing) then 'span' else 'figure'}">
      <xsl:sequence select="tk:attrs(., if ($tk:phrasing) then 'tk-block' else ())"/>
      <xsl:if test="head">
        <xsl:element name="{if ($tk:phrasing) then 'span' else 'figcaption'}">
          <xsl:attribute name="class" select="'tk-caption'"/>
          <xsl:for-each select="head">
            <xsl:if test="position() gt 1">
              <xsl:text> </xsl:text>
            </xsl:if>
            <xsl:apply-templates>
              <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
            </xsl:apply-templates>
          </xsl:for-each>
        </xsl:element>
      </xsl:if>
      <xsl:apply-templates select="node() except head"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="figDesc">
    <xsl:call-template name="tk:container">
      <xsl:with-param name="block-name" select="'p'"/>
      <xsl:with-param name="inner-phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A figure's description is the alternative text of its images: shown as text only when the
       figure has no image to show. -->
  <xsl:template match="figDesc[../graphic[exists(tk:image-href(@url))]]" priority="1"/>

  <xsl:template match="graphic[exists(tk:image-href(@url))]">
    <img src="{tk:image-href(@url)}" alt="{tk:graphic-alt(.)}" loading="lazy" decoding="async">
      <xsl:sequence select="tk:attrs(., ())"/>
    </img>
  </xsl:template>

  <!-- The address an image is shown from: an http(s) address, or a relative one (after
       image-base); never another scheme (javascript:, data:, file:). -->
  <xsl:function name="tk:image-href" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:sequence select="
        if ($u = '') then ()
        else if (matches($u, '^https?://', 'i')) then $u
        else if (matches($u, '^[a-zA-Z][a-zA-Z0-9+.\-]*:') or starts-with($u, '//')) then ()
        else if (starts-with($u, '/') or starts-with($u, '#')) then $u
        else $image-base || $u"/>
  </xsl:function>

  <xsl:function name="tk:graphic-alt" as="xs:string">
    <xsl:param name="graphic" as="element()"/>
    <xsl:sequence select="((($graphic/desc, $graphic/parent::figure/figDesc) ! tk:plain-text(.))[.], '')[1]"/>
  </xsl:function>

  <xsl:template match="graphic | media">
    <xsl:param name="tk:in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($tk:in-link or not(tk:href(@url))) then 'span' else 'a'}">
      <xsl:sequence select="tk:attrs(., ())"/>
      <xsl:if test="not($tk:in-link) and tk:href(@url)">
        <xsl:attribute name="href" select="tk:href(@url)"/>
      </xsl:if>
      <xsl:value-of select="(normalize-space(desc)[.], @url)[1]"/>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
